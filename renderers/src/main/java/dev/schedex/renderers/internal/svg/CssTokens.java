package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSS into tokens as a browser does (CSS Syntax Module Level 3, section 4), with escapes
 * undone in every name and value: {@code u\72l(}, {@code \75 rl(} and {@code url(} are all the
 * same function token, and {@code @\69mport} is the at-keyword {@code import}.
 *
 * <p>Why not Batik's CSS scanner, which is on the class path: it is not the tokeniser browsers use.
 * It ends an identifier at an escape ({@code u\72l(} becomes {@code u} and a function named
 * {@code \72l}, never {@code url}) and throws at {@code @\69mport}; judging a stylesheet by tokens a
 * browser would not see is the gap this class closes. No library on our list exposes a
 * spec-conforming tokeniser on its own.
 */
final class CssTokens {

    /** The kinds of token the sanitiser tells apart; numbers, percentages and dimensions are one kind. */
    enum Type {
        WHITESPACE,
        COMMENT,
        IDENT,
        FUNCTION,
        AT_KEYWORD,
        HASH,
        STRING,
        BAD_STRING,
        URL,
        BAD_URL,
        DELIM,
        NUMBER,
        CDO,
        CDC,
        COLON,
        SEMICOLON,
        COMMA,
        OPEN_SQUARE,
        CLOSE_SQUARE,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_CURLY,
        CLOSE_CURLY
    }

    /**
     * One token.
     *
     * @param type  its kind
     * @param start where it starts in the text
     * @param end   where it ends (exclusive)
     * @param value the name of an ident, function, at-keyword or hash, the content of a string or
     *              url, with escapes undone; otherwise empty
     */
    record Token(Type type, int start, int end, String value) {}

    private final String css;
    private int at;

    private CssTokens(String css) {
        this.css = css;
    }

    /**
     * Replaces what CSS reads as a newline ({@code \r\n}, {@code \r}, {@code \f}) with {@code \n}, and
     * NUL with U+FFFD, as a browser does before it tokenises; tokens refer to this text.
     *
     * @param css a stylesheet or declarations
     * @return the text the tokens' offsets refer to
     */
    static String preprocess(String css) {
        return css.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace('\0', '\uFFFD');
    }

    /**
     * @param css text from {@link #preprocess}
     * @return its tokens, which cover it end to end
     */
    static List<Token> tokenise(String css) {
        CssTokens tokens = new CssTokens(css);
        List<Token> list = new ArrayList<>();
        while (tokens.at < css.length()) {
            list.add(tokens.next());
        }
        return list;
    }

    private int peek(int offset) {
        int i = at + offset;
        return i < css.length() ? css.charAt(i) : -1;
    }

    private Token token(Type type, int start) {
        return new Token(type, start, at, "");
    }

    private Token next() {
        int start = at;
        int c = peek(0);
        if (c == '/' && peek(1) == '*') {
            int close = css.indexOf("*/", at + 2);
            at = close < 0 ? css.length() : close + 2;
            return token(Type.COMMENT, start);
        }
        if (isWhitespace(c)) {
            while (isWhitespace(peek(0))) {
                at++;
            }
            return token(Type.WHITESPACE, start);
        }
        if (c == '"' || c == '\'') {
            return string(start);
        }
        if (c == '#' && (isNameChar(peek(1)) || isEscape(peek(1), peek(2)))) {
            at++;
            String name = name();
            return new Token(Type.HASH, start, at, name);
        }
        if ((c == '+' || c == '.') && startsNumber(c, peek(1), peek(2))) {
            return number(start);
        }
        if (c == '-') {
            if (startsNumber(c, peek(1), peek(2))) {
                return number(start);
            }
            if (peek(1) == '-' && peek(2) == '>') {
                at += 3;
                return token(Type.CDC, start);
            }
            if (startsName(c, peek(1), peek(2))) {
                return identLike(start);
            }
        }
        if (c == '<' && css.startsWith("!--", at + 1)) {
            at += 4;
            return token(Type.CDO, start);
        }
        if (c == '@' && startsName(peek(1), peek(2), peek(3))) {
            at++;
            String name = name();
            return new Token(Type.AT_KEYWORD, start, at, name);
        }
        if (c == '\\' && isEscape(c, peek(1)) || isNameStart(c)) {
            return identLike(start);
        }
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        at++;
        switch (c) {
            case '(':
                return token(Type.OPEN_PAREN, start);
            case ')':
                return token(Type.CLOSE_PAREN, start);
            case '[':
                return token(Type.OPEN_SQUARE, start);
            case ']':
                return token(Type.CLOSE_SQUARE, start);
            case '{':
                return token(Type.OPEN_CURLY, start);
            case '}':
                return token(Type.CLOSE_CURLY, start);
            case ',':
                return token(Type.COMMA, start);
            case ':':
                return token(Type.COLON, start);
            case ';':
                return token(Type.SEMICOLON, start);
            default:
                return token(Type.DELIM, start);
        }
    }

    private Token string(int start) {
        int quote = css.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (at < css.length()) {
            int c = css.charAt(at);
            if (c == quote) {
                at++;
                return new Token(Type.STRING, start, at, value.toString());
            }
            if (c == '\n') {
                return new Token(Type.BAD_STRING, start, at, value.toString()); // the newline is not consumed
            }
            at++;
            if (c == '\\') {
                if (peek(0) == '\n') {
                    at++; // an escaped newline continues the string
                } else if (peek(0) >= 0) {
                    value.appendCodePoint(escape());
                }
            } else {
                value.append((char) c);
            }
        }
        return new Token(Type.STRING, start, at, value.toString());
    }

    private Token number(int start) {
        if (peek(0) == '+' || peek(0) == '-') {
            at++;
        }
        digits();
        if (peek(0) == '.' && isDigit(peek(1))) {
            at++;
            digits();
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))) {
            at += 2;
            digits();
        }
        if (startsName(peek(0), peek(1), peek(2))) {
            name(); // a dimension: its unit is part of the number token
        } else if (peek(0) == '%') {
            at++;
        }
        return token(Type.NUMBER, start);
    }

    private void digits() {
        while (isDigit(peek(0))) {
            at++;
        }
    }

    private Token identLike(int start) {
        String name = name();
        if (peek(0) != '(') {
            return new Token(Type.IDENT, start, at, name);
        }
        at++;
        if (!name.equalsIgnoreCase("url")) {
            return new Token(Type.FUNCTION, start, at, name);
        }
        // url( followed by a quote is a function whose argument is a string token; otherwise a url token
        int lookahead = at;
        while (lookahead < css.length() && isWhitespace(css.charAt(lookahead))) {
            lookahead++;
        }
        if (lookahead < css.length() && (css.charAt(lookahead) == '"' || css.charAt(lookahead) == '\'')) {
            return new Token(Type.FUNCTION, start, at, name);
        }
        return url(start, lookahead);
    }

    private Token url(int start, int from) {
        at = from;
        StringBuilder value = new StringBuilder();
        while (at < css.length()) {
            int c = css.charAt(at);
            if (c == ')') {
                at++;
                return new Token(Type.URL, start, at, value.toString());
            }
            if (isWhitespace(c)) {
                while (isWhitespace(peek(0))) {
                    at++;
                }
                if (peek(0) == ')' || peek(0) < 0) {
                    at = Math.min(css.length(), at + 1);
                    return new Token(Type.URL, start, at, value.toString());
                }
                return badUrl(start, value);
            }
            if (c == '"' || c == '\'' || c == '(' || isNonPrintable(c)) {
                return badUrl(start, value);
            }
            at++;
            if (c == '\\') {
                if (!isEscape(c, peek(0))) {
                    at--;
                    return badUrl(start, value);
                }
                value.appendCodePoint(escape());
            } else {
                value.append((char) c);
            }
        }
        return new Token(Type.URL, start, at, value.toString());
    }

    /** Consumes what is left of a url that is not valid, up to and with its closing parenthesis. */
    private Token badUrl(int start, StringBuilder value) {
        while (at < css.length()) {
            int c = css.charAt(at++);
            if (c == ')') {
                break;
            }
            if (c == '\\' && isEscape(c, peek(0))) {
                escape();
            }
        }
        return new Token(Type.BAD_URL, start, at, value.toString());
    }

    /** @return the name that starts here, escapes undone */
    private String name() {
        StringBuilder name = new StringBuilder();
        while (at < css.length()) {
            int c = css.charAt(at);
            if (isNameChar(c)) {
                name.append((char) c);
                at++;
            } else if (isEscape(c, peek(1))) {
                at++;
                name.appendCodePoint(escape());
            } else {
                break;
            }
        }
        return name.toString();
    }

    /** @return the code point of the escape after a backslash, which has been consumed */
    private int escape() {
        if (at >= css.length()) {
            return 0xFFFD;
        }
        int c = css.charAt(at);
        if (!isHex(c)) {
            at++;
            return c;
        }
        int value = 0;
        for (int n = 0; n < 6 && isHex(peek(0)); n++) {
            value = value * 16 + Character.digit(css.charAt(at++), 16);
        }
        if (isWhitespace(peek(0))) {
            at++; // one whitespace after a hex escape belongs to it
        }
        boolean invalid = value == 0
                || value > Character.MAX_CODE_POINT
                || value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE;
        return invalid ? 0xFFFD : value;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || isDigit(c) || c == '-';
    }

    private static boolean isNonPrintable(int c) {
        return c >= 0 && c <= 8 || c == 0x0B || c >= 0x0E && c <= 0x1F || c == 0x7F;
    }

    private static boolean isEscape(int first, int second) {
        return first == '\\' && second != '\n';
    }

    private static boolean startsName(int first, int second, int third) {
        if (first == '-') {
            return isNameStart(second) || second == '-' || isEscape(second, third);
        }
        return isNameStart(first) || isEscape(first, second);
    }

    private static boolean startsNumber(int first, int second, int third) {
        if (first == '+' || first == '-') {
            return isDigit(second) || second == '.' && isDigit(third);
        }
        return first == '.' ? isDigit(second) : isDigit(first);
    }
}
