// libchafa (drawing pixels as terminal text, sixel or kitty graphics), with libjpeg and libpng to decode the
// attachment first. Only LotsPhoto uses this module.
#include <chafa.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <png.h>

extern char **environ;

struct lots_jpeg_err { struct jpeg_error_mgr pub; jmp_buf jump; };
static inline void lots_jpeg_error_exit(j_common_ptr c) { longjmp(((struct lots_jpeg_err *)c->err)->jump, 1); }
static inline void lots_jpeg_quiet(j_common_ptr c) { (void)c; }

/// Decodes JPEG or PNG bytes to RGBA8 rows (free with free()); NULL when they do not decode or the image has more
/// than `max_pixels` pixels. libjpeg's errors jump back here instead of exiting the process.
static inline unsigned char *lots_decode_rgba(const unsigned char *data, size_t len, int *out_w, int *out_h, long max_pixels) {
    if (len >= 8 && png_sig_cmp((png_const_bytep)data, 0, 8) == 0) {
        png_image img;
        memset(&img, 0, sizeof img);
        img.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_memory(&img, data, len)) return NULL;
        if ((long)img.width * (long)img.height > max_pixels) { png_image_free(&img); return NULL; }
        img.format = PNG_FORMAT_RGBA;
        unsigned char *buf = malloc(PNG_IMAGE_SIZE(img));
        if (!buf) { png_image_free(&img); return NULL; }
        if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) { free(buf); png_image_free(&img); return NULL; }
        *out_w = (int)img.width; *out_h = (int)img.height;
        return buf;
    }
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8) {
        struct jpeg_decompress_struct cinfo;
        struct lots_jpeg_err err;
        unsigned char *volatile buf = NULL;
        cinfo.err = jpeg_std_error(&err.pub);
        err.pub.error_exit = lots_jpeg_error_exit;
        err.pub.output_message = lots_jpeg_quiet;
        if (setjmp(err.jump)) { jpeg_destroy_decompress(&cinfo); free(buf); return NULL; }
        jpeg_create_decompress(&cinfo);
        jpeg_mem_src(&cinfo, data, (unsigned long)len);
        jpeg_read_header(&cinfo, TRUE);
        if ((long)cinfo.image_width * (long)cinfo.image_height > max_pixels) { jpeg_destroy_decompress(&cinfo); return NULL; }
        cinfo.out_color_space = JCS_EXT_RGBA;
        jpeg_start_decompress(&cinfo);
        size_t stride = (size_t)cinfo.output_width * 4;
        buf = malloc(stride * cinfo.output_height);
        if (!buf) { jpeg_destroy_decompress(&cinfo); return NULL; }
        while (cinfo.output_scanline < cinfo.output_height) {
            JSAMPROW row = buf + stride * cinfo.output_scanline;
            jpeg_read_scanlines(&cinfo, &row, 1);
        }
        *out_w = (int)cinfo.output_width; *out_h = (int)cinfo.output_height;
        jpeg_finish_decompress(&cinfo);
        jpeg_destroy_decompress(&cinfo);
        return buf;
    }
    return NULL;
}

/// What the terminal (by chafa's terminal database, from the environment) says it can draw: 1 sixel, 2 kitty.
static inline int lots_chafa_graphics(void) {
    ChafaTermInfo *ti = chafa_term_db_detect(chafa_term_db_get_default(), environ);
    if (!ti) return 0;
    int r = 0;
    if (chafa_term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1)) r |= 2;
    if (chafa_term_info_have_seq(ti, CHAFA_TERM_SEQ_BEGIN_SIXELS)) r |= 1;
    chafa_term_info_unref(ti);
    return r;
}

/// Draws RGBA pixels into at most cols×rows cells (aspect kept, cells twice as tall as wide). pixel: 0 symbols,
/// 1 sixel, 2 kitty; colors: 0 none (shapes only), 1 16, 2 240, 3 truecolor. Returns the terminal text (free with
/// lots_chafa_free) and the cells used.
static inline char *lots_chafa_render(const unsigned char *rgba, int w, int h, int cols, int rows, int pixel, int colors,
                                      int *out_cols, int *out_rows) {
    gint cw = cols, ch = rows;
    chafa_calc_canvas_geometry(w, h, &cw, &ch, 0.5f, TRUE, FALSE);
    if (cw < 1) cw = 1;
    if (ch < 1) ch = 1;
    ChafaSymbolMap *map = chafa_symbol_map_new();
    chafa_symbol_map_add_by_tags(map, (ChafaSymbolTags)(CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_BORDER | CHAFA_SYMBOL_TAG_SPACE
                                                        | CHAFA_SYMBOL_TAG_HALF | CHAFA_SYMBOL_TAG_QUAD));
    ChafaCanvasConfig *cfg = chafa_canvas_config_new();
    chafa_canvas_config_set_geometry(cfg, cw, ch);
    chafa_canvas_config_set_symbol_map(cfg, map);
    chafa_canvas_config_set_canvas_mode(cfg, colors == 3 ? CHAFA_CANVAS_MODE_TRUECOLOR : colors == 2 ? CHAFA_CANVAS_MODE_INDEXED_240
                                         : colors == 1 ? CHAFA_CANVAS_MODE_INDEXED_16 : CHAFA_CANVAS_MODE_FGBG);
    chafa_canvas_config_set_pixel_mode(cfg, pixel == 1 ? CHAFA_PIXEL_MODE_SIXELS : pixel == 2 ? CHAFA_PIXEL_MODE_KITTY : CHAFA_PIXEL_MODE_SYMBOLS);
    if (pixel) chafa_canvas_config_set_cell_geometry(cfg, 10, 20);
    ChafaCanvas *canvas = chafa_canvas_new(cfg);
    chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, w, h, w * 4);
    ChafaTermInfo *ti = pixel ? chafa_term_db_detect(chafa_term_db_get_default(), environ) : NULL;
    GString *gs = chafa_canvas_print(canvas, ti);
    if (ti) chafa_term_info_unref(ti);
    chafa_canvas_unref(canvas);
    chafa_canvas_config_unref(cfg);
    chafa_symbol_map_unref(map);
    *out_cols = cw; *out_rows = ch;
    return g_string_free(gs, FALSE);
}

static inline void lots_chafa_free(char *s) { g_free(s); }
