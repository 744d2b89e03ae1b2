package org.minsheng.region.web;

import java.util.List;

import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.region.Division;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only division look-ups for pickers and integrations. */
@RestController
@RequestMapping("/api/divisions")
class DivisionController {

	record DivisionView(String code, String name, String parent, String level, String fullName) {
	}

	private final Divisions divisions;

	DivisionController(Divisions divisions) {
		this.divisions = divisions;
	}

	@GetMapping
	List<DivisionView> provinces() {
		return divisions.provinces().stream().map(this::view).toList();
	}

	@GetMapping("/{code}")
	DivisionView one(@PathVariable String code) {
		return view(divisions.find(parse(code)).orElseThrow(() -> new NotFoundException("行政区划", code)));
	}

	@GetMapping("/{code}/children")
	List<DivisionView> children(@PathVariable String code) {
		var parsed = parse(code);
		divisions.find(parsed).orElseThrow(() -> new NotFoundException("行政区划", code));
		return divisions.children(parsed).stream().map(this::view).toList();
	}

	private static DivisionCode parse(String code) {
		if (!DivisionCode.isWellFormed(code)) {
			throw new InvalidFieldException("code", "行政区划代码为 2、4、6 或 9 位数字");
		}
		return new DivisionCode(code);
	}

	private DivisionView view(Division d) {
		return new DivisionView(d.code().value(), d.name(), d.parent() == null ? null : d.parent().value(),
				d.level().name(), divisions.fullName(d.code()));
	}
}
