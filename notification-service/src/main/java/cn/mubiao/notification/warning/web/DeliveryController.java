package cn.mubiao.notification.warning.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Deliveries with their status and attempts, within the caller's unit scope. */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

    private final DeliveryStore deliveries;

    DeliveryController(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    List<Delivery> list(@CurrentCaller Caller caller, @RequestParam(required = false) String assignmentId,
                        @RequestParam(required = false) String status) {
        if (caller.unit() == null) {
            return List.of();
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(UnitCodes.isDepartment(caller.unit())
                ? Filters.eq("unitCode", caller.unit())
                : Filters.regex("unitCode", "^" + Pattern.quote(UnitCodes.subtreePrefix(caller.unit()))));
        if (assignmentId != null) {
            filters.add(Filters.eq("assignmentId", assignmentId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        return deliveries.find(Filters.and(filters), 500);
    }
}
