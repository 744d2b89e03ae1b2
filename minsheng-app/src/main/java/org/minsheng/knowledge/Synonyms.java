package org.minsheng.knowledge;

import java.util.List;

/**
 * Words a search treats as the same (社保 = 社会保险). Applied when a query is read, so a change
 * takes effect at once without re-indexing. Managed by {@code KNOWLEDGE_ADMIN}.
 */
public interface Synonyms {

	List<SynonymGroup> all();

	SynonymGroup add(List<String> terms);

	void remove(long id);

	record SynonymGroup(long id, List<String> terms) {
	}
}
