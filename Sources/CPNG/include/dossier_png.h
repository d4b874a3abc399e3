#ifndef DOSSIER_PNG_H
#define DOSSIER_PNG_H
#include <stddef.h>

/// Encodes a Cairo ARGB32 (premultiplied, native-endian) pixel buffer as PNG into a malloc'd buffer.
/// keep_alpha = 0 writes RGB (the caller has painted an opaque background), 1 writes RGBA (un-premultiplied).
/// Returns 0 on success; on failure returns non-zero and writes a message into error (size error_size).
/// Free *out with dossier_png_free.
int dossier_png_encode(const unsigned char *pixels, int width, int height, int stride, int keep_alpha,
                       int compression_level, unsigned char **out, size_t *out_length,
                       char *error, size_t error_size);

void dossier_png_free(unsigned char *buffer);

#endif
