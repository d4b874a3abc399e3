#ifndef DOSSIER_ZLIB_H
#define DOSSIER_ZLIB_H
#include <stddef.h>

/// Inflates a zlib stream into a malloc'd buffer. Returns 0 on success. Free *out with dossier_zlib_free.
int dossier_inflate(const unsigned char *input, size_t length, unsigned char **out, size_t *out_length);

/// Deflates bytes as a zlib stream (level 0–9) into a malloc'd buffer. Returns 0 on success.
int dossier_deflate(const unsigned char *input, size_t length, int level, unsigned char **out, size_t *out_length);

void dossier_zlib_free(unsigned char *buffer);

#endif
