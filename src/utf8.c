/*
 * utf8.c — strict UTF-8 validation (no overlongs, no surrogates, at most
 * U+10FFFF), as RFC 3629 defines it.
 */
#include "utf8.h"

#include <string.h>

#include "mem.h"

size_t utf8_decode(const char *text, size_t len, uint32_t *out)
{
	const unsigned char *s = (const unsigned char *)text;
	if (len == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*out = c;
		return 1;
	}
	size_t n;
	uint32_t cp, min;
	if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
	else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
	else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
	else return 0;
	if (n > len)
		return 0;
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*out = cp;
	return n;
}

int utf8_is_unsafe(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
	       cp == 0xFEFF;
}

/* ASCII text that is printable (nearly all of it) is passed over eight
   bytes at a time. */
size_t utf8_first_unsafe(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint64_t word;
		if (i + 8 <= len) {
			memcpy(&word, s + i, 8);
			/* no byte >= 0x80, none < 0x20, no 0x7F */
			uint64_t high = word & 0x8080808080808080ULL;
			uint64_t low = (word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL;
			uint64_t del = ((word ^ 0x7F7F7F7F7F7F7F7FULL) - 0x0101010101010101ULL) &
				       ~(word ^ 0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL;
			if (!high && !low && !del) {
				i += 8;
				continue;
			}
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || utf8_is_unsafe(cp))
			return i;
		i += n;
	}
	return len;
}

const char *utf8_safe_text(const char *s, size_t len)
{
	size_t i = utf8_first_unsafe(s, len);
	if (i == len && s[len] == '\0')
		return s;
	StrBuf b = { 0 };
	buf_init(&b);
	buf_put(&b, s, i);
	while (i < len) {
		size_t good = utf8_first_unsafe(s + i, len - i);
		buf_put(&b, s + i, good);
		i += good;
		if (i == len)
			break;
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			buf_printf(&b, "\\x{%02X}", (unsigned char)s[i++]);
		else if (cp == '\n')
			buf_puts(&b, "\\n"), i += n;
		else if (cp == '\r')
			buf_puts(&b, "\\r"), i += n;
		else
			buf_printf(&b, "\\u{%X}", (unsigned)cp), i += n;
	}
	return b.data;
}

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
