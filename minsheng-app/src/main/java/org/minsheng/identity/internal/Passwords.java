package org.minsheng.identity.internal;

import java.security.SecureRandom;

import org.minsheng.platform.InvalidFieldException;

/** Password policy and generation. Generated passwords avoid look-alike characters (0/O, 1/l/I). */
final class Passwords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	static String generate() {
		var sb = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	static void check(String password, int minLength, String field) {
		if (password.length() < minLength) {
			throw new InvalidFieldException(field, "密码至少 " + minLength + " 个字符");
		}
		if (password.length() > 128) {
			throw new InvalidFieldException(field, "密码最多 128 个字符");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			throw new InvalidFieldException(field, "密码须同时包含字母和数字");
		}
	}
}
