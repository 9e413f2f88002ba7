#!/usr/bin/env bash
# Regenerates the small videos under Tests/Fixtures that the VideoIO tests read.
# Run from anywhere: scripts/make_test_videos.sh. Needs the ffmpeg CLI (FFmpeg 5.1 used for the committed files).
# Every clip is 160x120, 10 frames per second, 20 frames: a small moving testsrc2 picture on a grey
# background with a solid red block in the top-left corner only, so tests can tell which way a picture
# was turned.
set -euo pipefail

cd "$(dirname "$0")/../Tests/Fixtures"
rm -rf seq ./*.mp4 ./*.mkv ./*.webm ./*.avi ./*.ppm ./*.wav

ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
source_clip=(-f lavfi -i "testsrc2=size=96x72:rate=10,pad=160:120:32:24:color=gray,drawbox=x=0:y=0:w=32:h=24:color=red:t=fill" -t 2)

# Deterministic output: no encoder version strings or creation times in the files.
plain=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact)

ff "${source_clip[@]}" "${plain[@]}" -c:v libx264 -preset veryslow -crf 32 -pix_fmt yuv420p h264.mp4
ff "${source_clip[@]}" "${plain[@]}" -c:v libx264 -preset veryslow -crf 32 -pix_fmt yuv420p h264.mkv
ff "${source_clip[@]}" "${plain[@]}" -c:v libvpx-vp9 -crf 50 -b:v 0 -deadline good vp9.webm
ff "${source_clip[@]}" "${plain[@]}" -c:v mjpeg -q:v 12 -pix_fmt yuvj420p mjpeg.avi

# 210 pixels wide, not a multiple of 8, with a blue band in its last 10 columns: swscale's x86
# converters work in blocks of 8 pixels and must not leave the last 2 unwritten.
ff -f lavfi -i "testsrc2=size=96x72:rate=10,pad=160:120:32:24:color=gray,drawbox=x=0:y=0:w=32:h=24:color=red:t=fill,pad=210:120:0:0:color=gray,drawbox=x=200:y=0:w=10:h=120:color=blue:t=fill" \
    -t 2 "${plain[@]}" -c:v libx264 -preset veryslow -crf 32 -pix_fmt yuv420p width210.mp4

# Five JPEGs 0001.jpg ... 0005.jpg, read through the image2 pattern seq/%04d.jpg.
mkdir seq
ff "${source_clip[@]}" -frames:v 5 -q:v 12 -start_number 1 seq/%04d.jpg

# The same H.264 stream, tagged to be shown turned 90, 180 and 270 degrees clockwise, as phones tag
# portrait videos (rotated90.mp4 in ffprobe: "displaymatrix: rotation of -90.00 degrees"). FFmpeg 5.1
# writes rotate=N as N degrees counter-clockwise when stream copying, hence -90 for 90 and 90 for 270.
ff -i h264.mp4 -c copy -metadata:s:v:0 rotate=-90 "${plain[@]}" rotated90.mp4
ff -i h264.mp4 -c copy -metadata:s:v:0 rotate=180 "${plain[@]}" rotated180.mp4
ff -i h264.mp4 -c copy -metadata:s:v:0 rotate=90 "${plain[@]}" rotated270.mp4
# What ffmpeg itself shows for the rotated clip's first frame (autorotate is on by default): the reference
# the reader's rotation must match.
ff -i rotated90.mp4 -frames:v 1 -pix_fmt rgb24 rotated90_frame0.ppm

# Broken inputs: an mp4 cut before its index (moov atom), an mp4 with zeroed bytes mid-stream, and an
# mkv cut mid-stream.
size=$(stat -c %s h264.mp4)
head -c $((size * 3 / 10)) h264.mp4 > truncated.mp4
cp h264.mp4 damaged.mp4
dd if=/dev/zero of=damaged.mp4 bs=1 seek=$((size * 45 / 100)) count=$((size / 20)) conv=notrunc status=none
size=$(stat -c %s h264.mkv)
head -c $((size * 6 / 10)) h264.mkv > truncated.mkv

echo "This is a text file, not a video." > not_a_video.mp4
ff -f lavfi -i "sine=frequency=440:duration=0.2" "${plain[@]}" -c:a pcm_u8 -ar 8000 audio_only.wav

du -ch . | tail -1
