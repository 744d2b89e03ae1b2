package org.minsheng.identity.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/departments")
class DepartmentController {

	record DepartmentView(long id, String name, DepartmentType type, String typeLabel, Long parentId,
			String divisionCode, String path, boolean enabled, OffsetDateTime createdAt) {

		static DepartmentView of(Department d) {
			return new DepartmentView(d.id().value(), d.name(), d.type(), d.type().label(),
					d.parentId() == null ? null : d.parentId().value(), d.divisionCode(), d.path(), d.enabled(),
					d.createdAt());
		}
	}

	record CreateDepartment(@NotNull @Size(min = 1, max = 100) String name, @NotNull DepartmentType type,
			@NotNull Long parentId, @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}") String divisionCode) {
	}

	record Rename(@NotNull @Size(min = 1, max = 100) String name) {
	}

	record Move(@NotNull Long parentId) {
	}

	record EnabledChange(@NotNull Boolean enabled) {
	}

	private final Departments departments;

	DepartmentController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping
	List<DepartmentView> list() {
		return departments.visible().stream().map(DepartmentView::of).toList();
	}

	@GetMapping("/{id}")
	DepartmentView one(@PathVariable long id) {
		return departments.find(new DepartmentId(id))
			.map(DepartmentView::of)
			.orElseThrow(() -> new NotFoundException("部门", id));
	}

	@PostMapping
	ResponseEntity<DepartmentView> create(@Valid @RequestBody CreateDepartment body) {
		var created = departments.create(new Departments.NewDepartment(body.name(), body.type(),
				new DepartmentId(body.parentId()), body.divisionCode()));
		return ResponseEntity.created(URI.create("/api/departments/" + created.id())).body(DepartmentView.of(created));
	}

	@PutMapping("/{id}/name")
	DepartmentView rename(@PathVariable long id, @Valid @RequestBody Rename body) {
		return DepartmentView.of(departments.rename(new DepartmentId(id), body.name()));
	}

	@PutMapping("/{id}/parent")
	DepartmentView move(@PathVariable long id, @Valid @RequestBody Move body) {
		return DepartmentView.of(departments.move(new DepartmentId(id), new DepartmentId(body.parentId())));
	}

	@PutMapping("/{id}/enabled")
	DepartmentView enabled(@PathVariable long id, @Valid @RequestBody EnabledChange body) {
		return DepartmentView.of(departments.setEnabled(new DepartmentId(id), body.enabled()));
	}
}
