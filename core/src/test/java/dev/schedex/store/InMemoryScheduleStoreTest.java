package dev.schedex.store;

import dev.schedex.spi.ScheduleStore;
import dev.schedex.spi.ScheduleStoreContract;

class InMemoryScheduleStoreTest extends ScheduleStoreContract {

    @Override
    protected ScheduleStore newStore() {
        return new InMemoryScheduleStore();
    }
}
