package org.minsheng.notification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.minsheng.notification.Notification;
import org.minsheng.notification.Notifications;
import org.minsheng.notification.WebhookSubscriptions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

@RestController
class NotificationController {

	record NewWebhook(@NotBlank @Size(max = 500) String url, @NotEmpty @Size(max = 20) List<String> events) {
	}

	private final Notifications notifications;

	private final WebhookSubscriptions webhooks;

	NotificationController(Notifications notifications, WebhookSubscriptions webhooks) {
		this.notifications = notifications;
		this.webhooks = webhooks;
	}

	@GetMapping("/api/notifications")
	List<Notification> mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") int limit) {
		return notifications.mine(unread, limit);
	}

	@GetMapping("/api/notifications/unread-count")
	Map<String, Long> unread() {
		return Map.of("unread", notifications.unreadCount());
	}

	@PostMapping("/api/notifications/{id}/read")
	ResponseEntity<Void> read(@PathVariable long id) {
		notifications.markRead(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/notifications/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", notifications.markAllRead());
	}

	@GetMapping("/api/webhooks")
	List<WebhookSubscriptions.Subscription> webhooks() {
		return webhooks.subscriptions();
	}

	@PostMapping("/api/webhooks")
	ResponseEntity<WebhookSubscriptions.Created> subscribe(@Valid @RequestBody NewWebhook body) {
		var created = webhooks.subscribe(body.url(), body.events());
		return ResponseEntity.created(URI.create("/api/webhooks/" + created.subscription().id())).body(created);
	}

	@DeleteMapping("/api/webhooks/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable long id) {
		webhooks.unsubscribe(id);
		return ResponseEntity.noContent().build();
	}
}
