package org.minsheng.platform.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Problems found before any controller is chosen (no such path, a method or a content type the
 * path does not take) are answered as {@code application/problem+json} under {@code /api}, like
 * every other API error; {@link ProblemHandler} only sees what the API's controllers throw. Other
 * paths keep the console's error page: the exception goes on to Spring's default handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteProblems {

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request) throws Exception {
		api(e, request);
		return answer(HttpStatus.NOT_FOUND, "接口不存在",
				"没有这个接口：" + request.getMethod() + " " + request.getRequestURI() + "（no such API path）", null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
			throws Exception {
		api(e, request);
		Set<HttpMethod> allowed = e.getSupportedHttpMethods();
		var names = allowed == null ? "" : allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "请求方法不支持",
				"接口 " + request.getRequestURI() + " 不接受 " + request.getMethod() + " 请求" + (names.isEmpty() ? "" : "，可用：" + names)
						+ "（method not allowed）",
				names.isEmpty() ? null : names);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
			throws Exception {
		api(e, request);
		var accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "内容类型不支持",
				"接口 " + request.getRequestURI() + " 不接受内容类型 " + e.getContentType()
						+ (accepted.isEmpty() ? "" : "，可用：" + accepted) + "（unsupported media type）", null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
			throws Exception {
		api(e, request);
		return answer(HttpStatus.NOT_ACCEPTABLE, "无法提供所需格式",
				"接口 " + request.getRequestURI() + " 无法按请求的 Accept 格式作答（not acceptable）", null);
	}

	/** Lets a path outside the API go on to the default handling (rethrowing the same exception logs nothing). */
	private static void api(Exception e, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) throw e;
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail, String allow) {
		var builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (allow != null) builder.header(HttpHeaders.ALLOW, allow);
		return builder.body(ProblemHandler.problem(status, title, detail));
	}
}
