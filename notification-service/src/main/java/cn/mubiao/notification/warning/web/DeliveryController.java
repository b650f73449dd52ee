package cn.mubiao.notification.warning.web;

import cn.mubiao.kit.persistence.ScopeFilters;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deliveries with their status and attempts, within the caller's unit scope; resending a dead one is the target
 * office's whose unit covers the delivery's unit (an auditor reads, and does not act).
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

    private final DeliveryStore deliveries;
    private final DeliverNotices deliver;

    DeliveryController(DeliveryStore deliveries, DeliverNotices deliver) {
        this.deliveries = deliveries;
        this.deliver = deliver;
    }

    @GetMapping
    List<DeliveryResponse> list(@CurrentCaller Caller caller, @RequestParam(required = false) String assignmentId,
                                @RequestParam(required = false) String status) {
        DeliveryStatus wanted = status == null ? null : parse(status);
        if (caller.unit() == null) {
            return List.of();
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(ScopeFilters.inSubtree("unitCode", caller.unit()));
        if (assignmentId != null) {
            filters.add(Filters.eq("assignmentId", assignmentId));
        }
        if (wanted != null) {
            filters.add(DeliveryStore.statusIs(wanted));
        }
        return deliveries.find(Filters.and(filters), 500).stream().map(DeliveryResponse::of).toList();
    }

    /**
     * Sends a DEAD or INVALID_ADDRESS delivery again (one attempt now, then the usual retries): 200 with the delivery,
     * 409 when it was sent or is still being delivered.
     */
    @PostMapping("/{id}/resend")
    DeliveryResponse resend(@CurrentCaller Caller caller, @PathVariable String id) {
        Delivery d = deliveries.get(id).filter(x -> caller.covers(x.unitCode()))
                .orElseThrow(() -> ProblemException.notFound("投递 / delivery", id));
        if (!caller.hasRole(Roles.TARGET_OFFICE)) {
            throw ProblemException.forbidden("只有目标办可以重发 / only the target office resends deliveries");
        }
        if (!DeliveryStatus.RESENDABLE.contains(d.status())) {
            throw ProblemException.conflict("status", d.status() == DeliveryStatus.SENT
                    ? "已发送成功，不再重发 / sent already: a delivery is never sent twice"
                    : "状态为" + d.status() + "，只能重发 DEAD 或 INVALID_ADDRESS / only DEAD or INVALID_ADDRESS deliveries are resent");
        }
        return deliver.resend(d, caller.username()).map(DeliveryResponse::of)
                .orElseThrow(() -> ProblemException.conflict("status", "投递状态已变化 / the delivery changed meanwhile"));
    }

    private static DeliveryStatus parse(String status) {
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "应为 / one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
