package dev.schedex.testing;

import dev.schedex.Violation;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A destination named {@code counting} that only counts what it is given, per schedule and
 * occurrence, so that a test can check that each occurrence was delivered once. Thread-safe.
 */
public final class CountingDestination implements ExportDestination {

    /**
     * One delivery's key.
     *
     * @param scheduleId the schedule
     * @param occurrence the occurrence
     */
    public record Key(UUID scheduleId, Instant occurrence) {}

    private final Map<Key, Integer> deliveries = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return List.of();
    }

    @Override
    public Delivered deliver(Delivery delivery) {
        Key key = new Key(delivery.context().scheduleId(), delivery.context().occurrence());
        deliveries.merge(key, 1, Integer::sum);
        return new Delivered(key.toString());
    }

    /** @return how often each schedule and occurrence was delivered */
    public Map<Key, Integer> deliveries() {
        return deliveries;
    }
}
