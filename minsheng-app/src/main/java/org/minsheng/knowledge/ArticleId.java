package org.minsheng.knowledge;

public record ArticleId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
