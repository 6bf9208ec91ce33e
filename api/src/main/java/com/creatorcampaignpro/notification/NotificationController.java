package com.creatorcampaignpro.notification;

import com.creatorcampaignpro.web.Caller;
import com.creatorcampaignpro.error.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications")
class NotificationController {
    private final NotificationHub hub;

    NotificationController(NotificationHub hub) {
        this.hub = hub;
    }

    @Operation(summary = "Live notifications (server-sent events)", description = """
            Authenticated with the usual bearer header: read it with fetch() and a stream reader (a
            browser's EventSource cannot send headers). Each event has the notification id as `id`, its
            type as `event`, and JSON data {id, type, payload, createdAt}. Send the last id seen as
            Last-Event-ID (or ?lastEventId=) when reconnecting: missed events are replayed first.""")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        String raw = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParam;
        Long lastEventId = null;
        if (raw != null && !raw.isBlank()) {
            try {
                lastEventId = Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("Last-Event-ID", "must be the id of an event");
            }
            if (lastEventId < 0) {
                throw new ValidationException("Last-Event-ID", "must be the id of an event");
            }
        }
        return hub.subscribe(caller.id(), caller.hasRole("operator") || caller.hasRole("admin"), lastEventId);
    }
}
