package dev.schedex.store;

import dev.schedex.spi.store.ScheduleStore;
import dev.schedex.testing.ScheduleStoreContract;

class InMemoryScheduleStoreTest extends ScheduleStoreContract {

    @Override
    protected ScheduleStore newStore() {
        return new InMemoryScheduleStore();
    }
}
