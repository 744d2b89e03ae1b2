package org.minsheng.category;

/** A node of the taxonomy. {@code path} joins the names from the top, e.g. {@code 城乡建设/安全生产/事故处理}. */
public record Category(long id, Long parentId, String name, int level, String path, boolean enabled) {

	/** True when this category is {@code other} or lies below it. */
	public boolean isWithin(Category other) {
		return path.equals(other.path) || path.startsWith(other.path + "/");
	}
}
