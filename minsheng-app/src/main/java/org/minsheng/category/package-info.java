/**
 * The three-level request taxonomy (诉求分类) that work orders, the responsibility list, SLA rules,
 * the knowledge base and the statistics share. Seeded on first start, edited afterwards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Categories")
package org.minsheng.category;
