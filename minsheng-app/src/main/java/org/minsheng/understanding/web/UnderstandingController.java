package org.minsheng.understanding.web;

import java.time.LocalDate;
import java.util.List;

import org.minsheng.understanding.Understanding;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Training examples, model versions and the analysis of a request. */
@RestController
class UnderstandingController {

	record AnalyzeBody(@Size(max = 500) String title, @Size(max = 10_000) String content) {
	}

	private final Understanding understanding;

	UnderstandingController(Understanding understanding) {
		this.understanding = understanding;
	}

	@PostMapping(path = "/api/nlp/training-examples", consumes = { "text/csv", "text/plain" })
	Understanding.ImportResult importExamples(@RequestBody String csv) {
		return understanding.importExamples(csv);
	}

	/** Trains a model: {@code kind} is category (the default), department or emotion. */
	@PostMapping("/api/nlp/models/train")
	Understanding.ModelVersion train(@RequestParam(required = false) String kind) {
		return understanding.train(kind);
	}

	/** Makes a kept model version active again (rollback). */
	@PostMapping("/api/nlp/models/{kind}/{version}/activate")
	Understanding.ModelVersion activate(@PathVariable String kind,
			@PathVariable int version) {
		return understanding.activate(kind, version);
	}

	/** Turns a model kind off until a version is trained or activated again. */
	@DeleteMapping("/api/nlp/models/{kind}/active")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivate(@PathVariable String kind) {
		understanding.deactivate(kind);
	}

	/** Automatic dispatch and the return rate (退单率), of orders first dispatched between the days. */
	@GetMapping("/api/nlp/dispatch-figures")
	Understanding.DispatchFigures dispatchFigures(
			@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return understanding.dispatchFigures(from, to);
	}

	@GetMapping("/api/nlp/models")
	List<Understanding.ModelVersion> models() {
		return understanding.models();
	}

	@GetMapping(path = "/api/nlp/risk-policies", produces = "text/plain;charset=UTF-8")
	String riskPolicies() {
		return understanding.riskPolicies();
	}

	@PutMapping(path = "/api/nlp/risk-policies", consumes = "text/plain")
	void replaceRiskPolicies(@RequestBody String text) {
		understanding.replaceRiskPolicies(text);
	}

	/** Open orders that look like this one (疑似重复), ready for a merge. */
	@GetMapping("/api/nlp/duplicates/{no}")
	List<Understanding.Analysis.Duplicate> duplicates(@PathVariable String no) {
		return understanding.duplicatesOf(no);
	}

	@GetMapping(path = "/api/nlp/gazetteer", produces = "text/plain;charset=UTF-8")
	String gazetteer() {
		return understanding.gazetteer();
	}

	/** The local gazetteer, {@code 名称,区划代码} a line; a wrong line is refused with its number. */
	@PutMapping(path = "/api/nlp/gazetteer", consumes = "text/plain")
	void replaceGazetteer(@RequestBody String text) {
		understanding.replaceGazetteer(text);
	}

	@PostMapping("/api/nlp/analyze")
	Understanding.Analysis analyze(@Valid @RequestBody AnalyzeBody b) {
		return understanding.analyze(b.title(), b.content());
	}

	/** Many requests at once: a JSON array of {@code {"title", "content"}}, the analyses in the same order. */
	@PostMapping("/api/nlp/analyze/batch")
	List<Understanding.Analysis> analyzeAll(@RequestBody List<Understanding.Request> requests) {
		return understanding.analyzeAll(requests);
	}
}
