/**
 * The knowledge base (知识库): one standard source of service guides, policy interpretations, FAQs,
 * script templates and notices that agents, departments and bots answer from. Articles are written
 * as drafts, reviewed by the owning department, published as numbered versions and expire on their
 * date; published versions are searched through a Lucene index with a Chinese analyzer, editable
 * synonyms and Traditional/Simplified folding, kept in step with the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package org.minsheng.knowledge;
