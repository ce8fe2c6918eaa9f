/*
 * utf8.c — strict UTF-8 validation (no overlongs, no surrogates, at most
 * U+10FFFF), as RFC 3629 defines it.
 */
#include "utf8.h"

#include <string.h>

size_t utf8_find_invalid(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < len) {
		/* plans are mostly ASCII: skip eight such bytes at a time */
		uint64_t word;
		if (i + 8 <= len && (memcpy(&word, s + i, 8), (word & 0x8080808080808080ULL) == 0)) {
			i += 8;
			continue;
		}
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
		else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
		else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
		else return i;
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return (size_t)-1;
}

/* The length of the valid character at s[i], or 1 for an invalid byte. */
static size_t char_length(const char *text, size_t i, size_t len)
{
	if ((unsigned char)text[i] < 0x80)
		return 1;
	size_t rest = len - i < 4 ? len - i : 4;
	size_t bad = utf8_find_invalid(text + i, rest);
	if (bad == 0)
		return 1;
	unsigned char c = (unsigned char)text[i];
	return (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
}

size_t utf8_utf16_units(const char *s, size_t len)
{
	size_t units = 0;
	for (size_t i = 0; i < len;) {
		size_t n = char_length(s, i, len);
		units += n == 4 ? 2 : 1;
		i += n;
	}
	return units;
}

size_t utf8_offset_of_units(const char *s, size_t len, size_t units)
{
	size_t i = 0, seen = 0;
	while (i < len) {
		size_t n = char_length(s, i, len);
		size_t width = n == 4 ? 2 : 1;
		if (seen + width > units)
			break;
		seen += width;
		i += n;
	}
	return i;
}

int utf8_encode(StrBuf *out, uint32_t cp)
{
	char b[4];
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x80) {
		b[0] = (char)cp;
		buf_put(out, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, b, 3);
	} else if (cp <= 0x10FFFF) {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, b, 4);
	} else {
		return 0;
	}
	return 1;
}
