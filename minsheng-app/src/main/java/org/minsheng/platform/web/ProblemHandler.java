package org.minsheng.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minsheng.platform.ConflictException;
import org.minsheng.platform.TooManyRequestsException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of the REST API into {@code application/problem+json}. Field errors carry
 * {@code field} (the first one) and {@code errors} (all of them) so that a form can mark them.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	record FieldError(String field, String message) {
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "操作冲突", e.getMessage());
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage()));
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException e) {
		return withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage()),
				List.of(new FieldError(e.field(), e.getMessage())));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException e) {
		var errors = e.getConstraintViolations().stream()
			.map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", describe(errors)), errors);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ProblemDetail denied(RuntimeException e) {
		return problem(HttpStatus.FORBIDDEN, "无权操作", "您没有执行此操作的权限（forbidden）");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		var message = "参数 " + e.getName() + " 的值不合法：" + e.getValue();
		return withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", message),
				List.of(new FieldError(e.getName(), message)));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		log.info("Rejected by a database constraint: {}", e.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "操作冲突", "与已有数据冲突，未做任何修改（conflicts with existing data）");
	}

	/** Anything unforeseen: logged in full, answered without internals. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误",
				"请求未能完成，未做任何修改；错误已记录（internal error, logged）");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = e.getBindingResult().getFieldErrors().stream()
			.map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest()
			.body(withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", describe(errors)), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = e.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest()
			.body(withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", describe(errors)), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body;
		Throwable cause = e.getMostSpecificCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			var field = path(unknown);
			var message = "未知字段 " + field + "（unknown field）";
			body = withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", message), List.of(new FieldError(field, message)));
		}
		else if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
			var field = path(json);
			var message = outOfRange(json) ? "字段 " + field + " 的数值超出范围（number out of range）"
					: "字段 " + field + " 的值类型或格式不对（wrong type or form）";
			body = withFields(problem(HttpStatus.BAD_REQUEST, "输入有误", message), List.of(new FieldError(field, message)));
		}
		else if (cause instanceof JacksonException) {
			body = problem(HttpStatus.BAD_REQUEST, "JSON 格式有误", "请求内容不是有效的 JSON（malformed JSON）");
		}
		else {
			body = problem(HttpStatus.BAD_REQUEST, "无法读取请求", "请求内容缺失或无法读取（missing or unreadable body）");
		}
		return ResponseEntity.badRequest().body(body);
	}

	/** A number too large or too small for its field (1e308 for a whole number, 2^31 for an int). */
	private static boolean outOfRange(JacksonException e) {
		return e instanceof tools.jackson.core.exc.InputCoercionException
				|| (e.getOriginalMessage() != null && e.getOriginalMessage().contains("out of range"));
	}

	private static String path(JacksonException e) {
		return e.getPath().stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ProblemDetail withFields(ProblemDetail problem, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.getFirst().field());
		}
		problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message",
				f.message() == null ? "invalid" : f.message())).toList());
		return problem;
	}
}
