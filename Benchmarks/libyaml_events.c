/*
 * The benchmark's baseline: the least work any libyaml-based checker has to do.
 *
 * For each argument (a file, or a folder searched recursively for .yaml and .yml files,
 * hidden entries skipped, like `accessc`), read the whole file into memory, run
 * yaml_parser_parse over every event (deleting each) and count the events. No tree is built
 * and nothing is checked, so `accessc check` over the same files can be compared with the
 * cost of reading and tokenising them.
 *
 *   cc -O2 -o libyaml_events libyaml_events.c $(pkg-config --cflags --libs yaml-0.1)
 *   ./libyaml_events DIR_OR_FILE...
 *
 * Prints one line: `files=N bytes=B events=E`. Exits 1 when a file cannot be read or is not
 * well-formed YAML, 2 on bad usage.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static long long total_files;
static long long total_bytes;
static long long total_events;
static int failed;

static int has_yaml_suffix(const char *name) {
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static unsigned char *read_whole(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        if (len == cap) {
            unsigned char *grown = realloc(buf, cap *= 2);
            if (!grown) { free(buf); buf = NULL; break; }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    if (buf && ferror(f)) { free(buf); buf = NULL; }
    fclose(f);
    *size = len;
    return buf;
}

static void parse_file(const char *path) {
    size_t size = 0;
    unsigned char *bytes = read_whole(path, &size);
    if (!bytes) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        failed = 1;
        return;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "%s: cannot initialise libyaml\n", path);
        free(bytes);
        failed = 1;
        return;
    }
    yaml_parser_set_input_string(&parser, bytes, size);
    long long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            failed = 1;
            break;
        }
        yaml_event_type_t type = event.type;
        yaml_event_delete(&event);
        events++;
        if (type == YAML_STREAM_END_EVENT) break;
    }
    yaml_parser_delete(&parser);
    free(bytes);
    total_files++;
    total_bytes += (long long)size;
    total_events += events;
}

static void walk(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        failed = 1;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        parse_file(path);
        return;
    }
    struct dirent **entries;
    int n = scandir(path, &entries, NULL, alphasort);
    if (n < 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        failed = 1;
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (name[0] != '.') {
            size_t len = strlen(path) + strlen(name) + 2;
            char *child = malloc(len);
            snprintf(child, len, "%s/%s", path, name);
            struct stat cst;
            if (stat(child, &cst) == 0 && S_ISDIR(cst.st_mode)) walk(child);
            else if (has_yaml_suffix(name)) parse_file(child);
            free(child);
        }
        free(entries[i]);
    }
    free(entries);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) walk(argv[i]);
    printf("files=%lld bytes=%lld events=%lld\n", total_files, total_bytes, total_events);
    return failed ? 1 : 0;
}
