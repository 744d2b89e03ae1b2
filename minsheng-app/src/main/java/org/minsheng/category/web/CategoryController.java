package org.minsheng.category.web;

import java.net.URI;
import java.util.List;

import org.minsheng.category.Categories;
import org.minsheng.category.Category;
import org.minsheng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/categories")
class CategoryController {

	record NewCategory(Long parentId, @NotBlank @Size(max = 60) String name) {
	}

	record CategoryChange(@Size(min = 1, max = 60) String name, Boolean enabled) {
	}

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping
	List<Category> all(@RequestParam(defaultValue = "false") boolean enabledOnly) {
		return categories.all().stream().filter(c -> !enabledOnly || c.enabled()).toList();
	}

	@GetMapping("/{id}")
	Category one(@PathVariable long id) {
		return categories.find(id).orElseThrow(() -> new NotFoundException("分类", id));
	}

	@PostMapping
	ResponseEntity<Category> create(@Valid @RequestBody NewCategory body) {
		var created = categories.create(body.parentId(), body.name());
		return ResponseEntity.created(URI.create("/api/categories/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	Category change(@PathVariable long id, @Valid @RequestBody CategoryChange body) {
		var result = categories.find(id).orElseThrow(() -> new NotFoundException("分类", id));
		if (body.name() != null) {
			result = categories.rename(id, body.name());
		}
		if (body.enabled() != null) {
			result = categories.setEnabled(id, body.enabled());
		}
		return result;
	}
}
