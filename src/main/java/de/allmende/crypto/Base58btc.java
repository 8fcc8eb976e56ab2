package de.allmende.crypto;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as used by multibase prefix {@code z}.
 *
 * <p>Each leading zero byte maps to one leading {@code '1'} and back; that is what makes the
 * encoding of fixed-size keys and signatures unambiguous. The conversion is the plain
 * repeated-division algorithm, quadratic in the input length, so callers that decode remote
 * input should bound its length first (keys and signatures are short).
 */
public final class Base58btc {

    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58btc() {}

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // Work on a copy: the division below overwrites its operand.
        byte[] number = Arrays.copyOf(input, input.length);
        // log(256)/log(58) < 1.37, so this buffer always suffices.
        char[] out = new char[input.length * 2];
        int outStart = out.length;
        int start = zeros;
        while (start < number.length) {
            out[--outStart] = ALPHABET[divmod(number, start, 256, 58)];
            if (number[start] == 0) {
                start++;
            }
        }
        // Digits of value zero produced while dividing are not real digits; drop them.
        while (outStart < out.length && out[outStart] == ALPHABET[0]) {
            outStart++;
        }
        while (zeros-- > 0) {
            out[--outStart] = ALPHABET[0];
        }
        return new String(out, outStart, out.length - outStart);
    }

    /** @throws KeyFormatException if {@code input} has a character outside the alphabet */
    public static byte[] decode(String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        byte[] digits = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new KeyFormatException("invalid base58btc character");
            }
            digits[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        byte[] out = new byte[input.length()];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            out[--outStart] = (byte) divmod(digits, start, 58, 256);
            if (digits[start] == 0) {
                start++;
            }
        }
        while (outStart < out.length && out[outStart] == 0) {
            outStart++;
        }
        byte[] result = new byte[zeros + out.length - outStart];
        System.arraycopy(out, outStart, result, zeros, out.length - outStart);
        return result;
    }

    /**
     * Divides the big-endian number {@code number[firstDigit..]} (in {@code base}) by {@code
     * divisor} in place and returns the remainder.
     */
    private static int divmod(byte[] number, int firstDigit, int base, int divisor) {
        int remainder = 0;
        for (int i = firstDigit; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return remainder;
    }
}
