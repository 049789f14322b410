#ifndef ACCESSSPEC_CSHA256_H
#define ACCESSSPEC_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (x86-64 SHA-NI with SSE4.1), so that
/// accessspec_sha256_blocks may be called.
int accessspec_sha256_accelerated(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (SHA-256's eight words, in
/// order A..H) with the SHA instructions. Call only when accessspec_sha256_accelerated().
void accessspec_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for this path and the portable one.
const uint32_t *accessspec_sha256_round_constants(void);

#endif
