package de.allmende.federation.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.allmende.federation.signature.StructuredFields.ByteSequence;
import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.StructuredFields.Item;
import de.allmende.federation.signature.StructuredFields.Member;
import de.allmende.federation.signature.StructuredFields.Token;

/**
 * Parser for RFC 8941 Dictionaries and Items, following the algorithms in section 4.2.
 * Failures are MALFORMED {@link SignatureException}s because the input is a peer's header.
 */
final class StructuredFieldParser {

    private final String input;
    private int pos;

    private StructuredFieldParser(String input) {
        this.input = input;
    }

    /** Parses a Dictionary field value; duplicate keys keep the last value, as the RFC says. */
    static Map<String, Member> parseDictionary(String value) throws SignatureException {
        StructuredFieldParser p = new StructuredFieldParser(value);
        p.skipSpaces();
        Map<String, Member> dictionary = new LinkedHashMap<>();
        while (!p.atEnd()) {
            String key = p.parseKey();
            Member member;
            if (p.peek() == '=') {
                p.pos++;
                member = p.parseItemOrInnerList();
            } else {
                member = new Item(Boolean.TRUE, p.parseParameters());
            }
            dictionary.remove(key);
            dictionary.put(key, member);
            p.skipOws();
            if (p.atEnd()) {
                return dictionary;
            }
            p.expect(',');
            p.skipOws();
            if (p.atEnd()) {
                throw SignatureException.malformed("trailing comma in structured field");
            }
        }
        return dictionary;
    }

    /** Parses an Item field value. */
    static Item parseItem(String value) throws SignatureException {
        StructuredFieldParser p = new StructuredFieldParser(value);
        p.skipSpaces();
        Item item = p.parseItem();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw SignatureException.malformed("trailing characters in structured field");
        }
        return item;
    }

    private Member parseItemOrInnerList() throws SignatureException {
        return peek() == '(' ? parseInnerList() : parseItem();
    }

    private InnerList parseInnerList() throws SignatureException {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (!atEnd()) {
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return new InnerList(items, parseParameters());
            }
            items.add(parseItem());
            char next = peek();
            if (next != ' ' && next != ')') {
                throw SignatureException.malformed("bad inner list");
            }
        }
        throw SignatureException.malformed("unterminated inner list");
    }

    private Item parseItem() throws SignatureException {
        Object bare = parseBareItem();
        return new Item(bare, parseParameters());
    }

    private Map<String, Object> parseParameters() throws SignatureException {
        Map<String, Object> params = new LinkedHashMap<>();
        while (peek() == ';') {
            pos++;
            skipSpaces();
            String key = parseKey();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                pos++;
                value = parseBareItem();
            }
            params.remove(key);
            params.put(key, value);
        }
        return params;
    }

    private Object parseBareItem() throws SignatureException {
        char c = peek();
        if (c == '-' || Character.isDigit(c)) {
            return parseNumber();
        } else if (c == '"') {
            return parseString();
        } else if (c == ':') {
            return parseByteSequence();
        } else if (c == '?') {
            return parseBoolean();
        } else if (Character.isLetter(c) && c < 0x80 || c == '*') {
            return parseToken();
        }
        throw SignatureException.malformed("bad structured field item");
    }

    private String parseKey() throws SignatureException {
        int start = pos;
        char first = peek();
        if (!StructuredFields.isLcAlpha(first) && first != '*') {
            throw SignatureException.malformed("bad structured field key");
        }
        while (!atEnd()) {
            char c = input.charAt(pos);
            if (StructuredFields.isLcAlpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                pos++;
            } else {
                break;
            }
        }
        return input.substring(start, pos);
    }

    private Object parseNumber() throws SignatureException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        int dot = -1;
        while (!atEnd()) {
            char c = input.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' && dot < 0) {
                dot = pos++;
            } else {
                break;
            }
        }
        int digits = pos - digitsStart - (dot < 0 ? 0 : 1);
        if (digits == 0 || (dot < 0 && digits > 15)) {
            throw SignatureException.malformed("bad structured field number");
        }
        if (dot >= 0 && (dot - digitsStart > 12 || dot - digitsStart == 0 || pos - dot - 1 < 1 || pos - dot - 1 > 3)) {
            throw SignatureException.malformed("bad structured field decimal");
        }
        String text = input.substring(start, pos);
        return dot < 0 ? (Object) Long.parseLong(text) : new BigDecimal(text);
    }

    private String parseString() throws SignatureException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                char escaped = input.charAt(pos++);
                if (escaped != '"' && escaped != '\\') {
                    throw SignatureException.malformed("bad escape in structured field string");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw SignatureException.malformed("bad character in structured field string");
            } else {
                out.append(c);
            }
        }
        throw SignatureException.malformed("unterminated structured field string");
    }

    private Token parseToken() {
        int start = pos;
        while (!atEnd()) {
            char c = input.charAt(pos);
            boolean tchar = c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0);
            if (!tchar) {
                break;
            }
            pos++;
        }
        return new Token(input.substring(start, pos));
    }

    private ByteSequence parseByteSequence() throws SignatureException {
        expect(':');
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw SignatureException.malformed("unterminated byte sequence");
        }
        String encoded = input.substring(pos, end);
        pos = end + 1;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '+' || c == '/' || c == '=')) {
                throw SignatureException.malformed("bad byte sequence");
            }
        }
        try {
            return new ByteSequence(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw SignatureException.malformed("bad byte sequence");
        }
    }

    private Boolean parseBoolean() throws SignatureException {
        expect('?');
        char c = peek();
        if (c == '1' || c == '0') {
            pos++;
            return c == '1';
        }
        throw SignatureException.malformed("bad structured field boolean");
    }

    private void expect(char c) throws SignatureException {
        if (peek() != c) {
            throw SignatureException.malformed("unexpected character in structured field");
        }
        pos++;
    }

    /** The current character, or NUL at the end (NUL never appears in valid input). */
    private char peek() {
        return atEnd() ? '\0' : input.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private void skipSpaces() {
        while (!atEnd() && input.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (!atEnd() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
