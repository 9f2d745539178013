// Classifies 64 bytes of JSON at once for chargeye's list scanner (ByteBlock.swift): which
// are quotes, backslashes, brackets. With SSE2 (every x86-64) that is 16 bytes per compare
// and one movemask; Swift has no movemask, and its SIMD types fall back to emulated 64-bit
// multiplies. Elsewhere, a plain loop.
#ifndef CHARGEYE_BYTE_CLASSES_SHIM_H
#define CHARGEYE_BYTE_CLASSES_SHIM_H
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bit k set for byte k of the block. Brackets are {, [, } and ]. */
typedef struct {
    uint64_t quotes;
    uint64_t backslashes;
    uint64_t brackets;
} ce_byte_classes;

static inline ce_byte_classes ce_classify64(const uint8_t *bytes) {
    ce_byte_classes classes = {0, 0, 0};
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    /* [ and ] differ from { and } only in bit 5, which no other byte sets them to. */
    const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'), bit5 = _mm_set1_epi8(0x20);
    for (int part = 0; part < 4; part++) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        __m128i folded = _mm_or_si128(chunk, bit5);
        __m128i bracket = _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close));
        classes.quotes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, quote)) << (16 * part);
        classes.backslashes |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, backslash)) << (16 * part);
        classes.brackets |= (uint64_t)(uint16_t)_mm_movemask_epi8(bracket) << (16 * part);
    }
#else
    for (int index = 0; index < 64; index++) {
        uint8_t byte = bytes[index];
        uint64_t bit = (uint64_t)1 << index;
        if (byte == '"') classes.quotes |= bit;
        if (byte == '\\') classes.backslashes |= bit;
        if ((byte | 0x20) == '{' || (byte | 0x20) == '}') classes.brackets |= bit;
    }
#endif
    return classes;
}

#endif
