// PNG encoding through libpng with a fast zlib level and no row filtering: cairo_surface_write_to_png
// is several times slower for slide-sized images. libpng reports errors with longjmp, which must stay in C.
#include "dossier_png.h"
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    int failed;
} buffer_t;

typedef struct {
    jmp_buf jump;
    char *error;
    size_t error_size;
} error_context_t;

static void on_write(png_structp png, png_bytep bytes, png_size_t count) {
    buffer_t *buffer = (buffer_t *)png_get_io_ptr(png);
    if (buffer->failed) return;
    if (buffer->length + count > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + count) capacity *= 2;
        unsigned char *grown = realloc(buffer->data, capacity);
        if (!grown) { buffer->failed = 1; png_error(png, "out of memory"); return; }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, bytes, count);
    buffer->length += count;
}

static void on_flush(png_structp png) { (void)png; }

static void on_error(png_structp png, png_const_charp message) {
    error_context_t *context = (error_context_t *)png_get_error_ptr(png);
    if (context->error && context->error_size) snprintf(context->error, context->error_size, "%s", message);
    longjmp(context->jump, 1);
}

static void on_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

static inline unsigned char unpremultiply(unsigned int channel, unsigned int alpha) {
    if (alpha == 0) return 0;
    unsigned int value = (channel * 255 + alpha / 2) / alpha;
    return (unsigned char)(value > 255 ? 255 : value);
}

int dossier_png_encode(const unsigned char *pixels, int width, int height, int stride, int keep_alpha,
                       int compression_level, unsigned char **out, size_t *out_length,
                       char *error, size_t error_size) {
    *out = NULL;
    *out_length = 0;
    if (width <= 0 || height <= 0) {
        snprintf(error, error_size, "empty image (%dx%d)", width, height);
        return 1;
    }
    int channels = keep_alpha ? 4 : 3;
    unsigned char *row = malloc((size_t)width * (size_t)channels);
    if (!row) { snprintf(error, error_size, "out of memory"); return 1; }

    buffer_t buffer = {0};
    error_context_t context;
    context.error = error;
    context.error_size = error_size;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        snprintf(error, error_size, "libpng could not start");
        png_destroy_write_struct(&png, &info);
        free(row);
        return 1;
    }
    if (setjmp(context.jump)) {
        png_destroy_write_struct(&png, &info);
        free(buffer.data);
        free(row);
        return 1;
    }
    png_set_write_fn(png, &buffer, on_write, on_flush);
    png_set_compression_level(png, compression_level);
    png_set_filter(png, 0, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 keep_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const uint32_t *source = (const uint32_t *)(pixels + (size_t)y * (size_t)stride);
        unsigned char *target = row;
        for (int x = 0; x < width; x++) {
            uint32_t pixel = source[x];
            unsigned int a = (pixel >> 24) & 0xff, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
            if (keep_alpha) {
                *target++ = unpremultiply(r, a);
                *target++ = unpremultiply(g, a);
                *target++ = unpremultiply(b, a);
                *target++ = (unsigned char)a;
            } else {
                *target++ = (unsigned char)r;
                *target++ = (unsigned char)g;
                *target++ = (unsigned char)b;
            }
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    *out = buffer.data;
    *out_length = buffer.length;
    return 0;
}

void dossier_png_free(unsigned char *buffer) { free(buffer); }
