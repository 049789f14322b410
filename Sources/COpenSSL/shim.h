#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

// Macros Swift cannot import, as functions.
static inline int accessspec_pkey_ctx_set_sm2_id(EVP_PKEY_CTX *ctx, const void *id, int length) {
    return EVP_PKEY_CTX_set1_id(ctx, id, length);
}
