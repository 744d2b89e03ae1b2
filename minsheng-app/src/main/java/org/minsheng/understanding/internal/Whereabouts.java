package org.minsheng.understanding.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minsheng.nlp.AddressResolver;
import org.minsheng.nlp.Place;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.region.Division;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;

/**
 * Where a request is about: the address resolver over the division table and the center's local
 * gazetteer. The gazetteer is text, one entry a line ({@code 科兴科学园,440305007}; {@code #} starts
 * a comment), checked whole: an unknown code or a malformed line names its line.
 */
final class Whereabouts {

	private final AddressResolver resolver;

	private final String home;

	private final int entries;

	private Whereabouts(AddressResolver resolver, String home, int entries) {
		this.resolver = resolver;
		this.home = home;
		this.entries = entries;
	}

	static Whereabouts build(Divisions divisions, String gazetteer, String home) {
		var places = new ArrayList<Place>(divisions.size());
		for (var province : divisions.provinces()) collect(divisions, province, places);
		var entries = parse(gazetteer, divisions);
		return new Whereabouts(new AddressResolver(places, entries), home == null ? "" : home.strip(), entries.size());
	}

	private static void collect(Divisions divisions, Division d, List<Place> out) {
		out.add(new Place(d.code().value(), d.name(), d.parent() == null ? null : d.parent().value()));
		for (var child : divisions.children(d.code())) collect(divisions, child, out);
	}

	/** The entries of a gazetteer text; a mistake names the line (field {@code gazetteer}). */
	static Map<String, String> parse(String text, Divisions divisions) {
		var out = new LinkedHashMap<String, String>();
		if (text == null) return out;
		int lineNo = 0;
		for (var raw : text.split("\r?\n")) {
			lineNo++;
			var line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			var parts = line.split("[,，\t]");
			if (parts.length != 2 || parts[0].isBlank()) {
				throw new InvalidFieldException("gazetteer", "第 " + lineNo + " 行：应为「名称,区划代码」，实为「" + line + "」");
			}
			var name = parts[0].strip();
			var code = parts[1].strip();
			if (name.length() < 2 || name.length() > 50) {
				throw new InvalidFieldException("gazetteer", "第 " + lineNo + " 行：名称为 2 到 50 个字符");
			}
			if (!DivisionCode.isWellFormed(code) || code.length() < 6 || divisions.find(new DivisionCode(code)).isEmpty()) {
				throw new InvalidFieldException("gazetteer", "第 " + lineNo + " 行：没有代码为 " + code + " 的区县或街道");
			}
			if (out.put(name, code) != null) {
				throw new InvalidFieldException("gazetteer", "第 " + lineNo + " 行：「" + name + "」重复");
			}
		}
		return out;
	}

	Optional<AddressResolver.Resolution> resolve(String text) {
		return resolver.resolve(text, home.isEmpty() ? null : home);
	}

	int entries() {
		return entries;
	}
}
