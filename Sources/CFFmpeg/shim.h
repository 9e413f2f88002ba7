#ifndef CFFMPEG_SHIM_H
#define CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>

/// AVERROR(EAGAIN), which Swift cannot import as a macro.
static inline int cffmpeg_error_again(void) { return AVERROR(EAGAIN); }
/// AVERROR_EOF.
static inline int cffmpeg_error_eof(void) { return AVERROR_EOF; }
/// AV_NOPTS_VALUE.
static inline int64_t cffmpeg_no_pts(void) { return AV_NOPTS_VALUE; }
/// AVERROR(ENOENT): the input file does not exist.
static inline int cffmpeg_error_no_such_file(void) { return AVERROR(ENOENT); }
/// AVERROR_DECODER_NOT_FOUND, from av_find_best_stream.
static inline int cffmpeg_error_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }

/// Converts all of `frame` with `context` into one packed picture (e.g. RGB24) at `destination`,
/// `stride` bytes per row. Swift sees AVFrame's data and linesize arrays as tuples, which it cannot
/// pass to sws_scale as the pointers it wants.
static inline int cffmpeg_scale_frame_to_packed(struct SwsContext *context, const AVFrame *frame,
                                                uint8_t *destination, int stride) {
    uint8_t *const planes[4] = { destination, NULL, NULL, NULL };
    const int strides[4] = { stride, 0, 0, 0 };
    return sws_scale(context, (const uint8_t *const *)frame->data, frame->linesize, 0, frame->height,
                     planes, strides);
}

/// Converts one packed picture (e.g. RGB24) of `height` rows, `stride` bytes each, at `source`
/// into the planes of `frame` (already allocated at the size and format `context` writes).
static inline int cffmpeg_scale_packed_to_frame(struct SwsContext *context, const uint8_t *source, int stride,
                                                int height, AVFrame *frame) {
    const uint8_t *const planes[4] = { source, NULL, NULL, NULL };
    const int strides[4] = { stride, 0, 0, 0 };
    return sws_scale(context, planes, strides, 0, height, frame->data, frame->linesize);
}

/// FF_QP2LAMBDA, the factor from a quantiser to the encoders' lambda.
static inline int cffmpeg_qp2lambda(void) { return FF_QP2LAMBDA; }
#endif
