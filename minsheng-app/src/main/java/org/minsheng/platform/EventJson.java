package org.minsheng.platform;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into the event publication registry as JSON with the application's mapper.
 * Spring Modulith's own serializer looks the mapper up in the application context for every
 * event; at a few hundred dispatches a second that look-up cost as much as writing the JSON.
 */
@Component
class EventJson implements EventSerializer {

	private final JsonMapper mapper;

	EventJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Object serialize(Object event) {
		return mapper.writeValueAsString(event);
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return mapper.readerFor(type).readValue(serialized.toString());
	}
}
