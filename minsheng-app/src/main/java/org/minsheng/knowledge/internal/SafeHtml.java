package org.minsheng.knowledge.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Article bodies are rich text. What is stored is what jsoup's relaxed safelist keeps: headings,
 * paragraphs, lists, tables, emphasis, links (http, https, mailto; opened without referrer) and
 * images over https; scripts, styles, event handlers and {@code javascript:} links are removed.
 * Plain text without markup keeps its line breaks.
 */
final class SafeHtml {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeProtocols("img", "src", "http")
		.addAttributes("a", "rel", "target")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer");

	private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

	private SafeHtml() {
	}

	static String clean(String body) {
		if (body == null) {
			return null;
		}
		var text = body.strip();
		if (!text.contains("<")) {
			// plain text: escape it and keep its paragraphs
			return String.join("", text.lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty())
				.map(l -> "<p>" + org.jsoup.nodes.Entities.escape(l) + "</p>")
				.toList());
		}
		return Jsoup.clean(text, "", SAFELIST, COMPACT);
	}

	/** The text of a body without markup, paragraphs on their own lines (for the index and the diff). */
	static String text(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		var doc = Jsoup.parseBodyFragment(html);
		doc.outputSettings(COMPACT);
		doc.select("br").after("\n");
		doc.select("p, div, li, h1, h2, h3, h4, h5, h6, tr").after("\n");
		return doc.body().wholeText().lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
	}
}
