package org.minsheng.understanding.internal;

import java.util.Locale;

import org.minsheng.platform.InvalidFieldException;

/** What a model predicts from a request's text. */
enum ModelKind {

	CATEGORY("category"), DEPARTMENT("department"), EMOTION("emotion");

	private final String label;

	ModelKind(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	static ModelKind parse(String name) {
		if (name == null || name.isBlank()) return CATEGORY;
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("kind", "One of category, department, emotion: " + name);
		}
	}
}
