package org.minsheng.category;

import java.util.List;
import java.util.Optional;

/** The request taxonomy: three levels at most; names are unique among siblings. Reading needs no permission. */
public interface Categories {

	/** Every category in tree order (each parent before its children). */
	List<Category> all();

	Optional<Category> find(long id);

	/** The category and its ancestors, from the top level down. */
	List<Category> lineage(long id);

	/** The ids of the category and every category below it. */
	List<Long> subtreeIds(long id);

	Category create(Long parentId, String name);

	Category rename(long id, String name);

	Category setEnabled(long id, boolean enabled);
}
