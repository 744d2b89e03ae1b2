package org.minsheng.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.minsheng.region.Division;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Holds the whole division table in memory (about 45,000 rows, a few MB): every look-up is a hash
 * probe, which the address resolver and department forms call often.
 */
@Component
class CsvDivisions implements Divisions {

	private static final String[] FILES = { "provinces.csv", "cities.csv", "areas.csv", "streets.csv" };

	private final Map<DivisionCode, Division> byCode = new HashMap<>();

	private final Map<DivisionCode, List<Division>> children = new HashMap<>();

	CsvDivisions(RegionSettings settings) throws IOException {
		for (var file : FILES) {
			try (var in = open(settings.dataDir(), file)) {
				load(in, file);
			}
		}
		byCode.values().forEach(d -> {
			if (d.parent() != null) {
				children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d);
			}
		});
		children.values().forEach(list -> list.sort((a, b) -> a.code().value().compareTo(b.code().value())));
	}

	private static InputStream open(String dataDir, String file) throws IOException {
		if (dataDir != null && !dataDir.isBlank()) {
			return Files.newInputStream(Path.of(dataDir, file));
		}
		return new ClassPathResource("data/divisions-cn/" + file).getInputStream();
	}

	private void load(InputStream in, String file) throws IOException {
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				var cols = line.split(",");
				var code = new DivisionCode(cols[0].trim());
				var name = cols[1].replace("\"", "").trim();
				var parent = cols.length > 2 ? new DivisionCode(cols[2].trim()) : null;
				if (!file.equals(FILES[0]) && parent == null) {
					throw new IOException("Division " + code + " in " + file + " has no parent");
				}
				byCode.put(code, new Division(code, name, parent));
			}
		}
	}

	@Override
	public Optional<Division> find(DivisionCode code) {
		return Optional.ofNullable(byCode.get(code));
	}

	@Override
	public List<Division> path(DivisionCode code) {
		var path = new ArrayList<Division>();
		var current = byCode.get(code);
		while (current != null) {
			path.add(current);
			current = current.parent() == null ? null : byCode.get(current.parent());
		}
		Collections.reverse(path);
		return path;
	}

	@Override
	public String fullName(DivisionCode code) {
		return path(code).stream()
			.map(Division::name)
			.filter(n -> !n.equals("市辖区") && !n.equals("县"))
			.collect(Collectors.joining(" "));
	}

	@Override
	public List<Division> children(DivisionCode code) {
		return List.copyOf(children.getOrDefault(code, List.of()));
	}

	@Override
	public List<Division> provinces() {
		return byCode.values().stream()
			.filter(d -> d.parent() == null)
			.sorted((a, b) -> a.code().value().compareTo(b.code().value()))
			.toList();
	}

	@Override
	public int size() {
		return byCode.size();
	}
}
