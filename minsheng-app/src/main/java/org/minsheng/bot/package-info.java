/**
 * The FAQ bot (智能问答) of the text channels (web chat, app, mini-program; the voice bot reuses
 * it): answers from the published knowledge base when it is sure enough, and otherwise hands the
 * citizen over to a person (转人工) with a work order holding the question.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FAQ bot")
package org.minsheng.bot;
