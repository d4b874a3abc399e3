// zlib for the PDF post-pass (page content streams are Flate-compressed by cairo).
#include "dossier_zlib.h"
#include <stdlib.h>
#include <zlib.h>

int dossier_inflate(const unsigned char *input, size_t length, unsigned char **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    z_stream stream = {0};
    if (inflateInit(&stream) != Z_OK) return 1;
    size_t capacity = length * 4 + 1024, used = 0;
    unsigned char *buffer = malloc(capacity);
    if (!buffer) { inflateEnd(&stream); return 1; }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (used == capacity) {
            capacity *= 2;
            unsigned char *grown = realloc(buffer, capacity);
            if (!grown) { free(buffer); inflateEnd(&stream); return 1; }
            buffer = grown;
        }
        stream.next_out = buffer + used;
        stream.avail_out = (uInt)(capacity - used);
        status = inflate(&stream, Z_NO_FLUSH);
        used = capacity - stream.avail_out;
        if (status != Z_OK && status != Z_STREAM_END) {
            // A stream cut short after its last byte still inflated everything there was.
            if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
            free(buffer); inflateEnd(&stream); return 1;
        }
    }
    inflateEnd(&stream);
    *out = buffer;
    *out_length = used;
    return 0;
}

int dossier_deflate(const unsigned char *input, size_t length, int level, unsigned char **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    uLongf capacity = compressBound((uLong)length);
    unsigned char *buffer = malloc(capacity ? capacity : 1);
    if (!buffer) return 1;
    if (compress2(buffer, &capacity, input, (uLong)length, level) != Z_OK) { free(buffer); return 1; }
    *out = buffer;
    *out_length = capacity;
    return 0;
}

void dossier_zlib_free(unsigned char *buffer) { free(buffer); }
