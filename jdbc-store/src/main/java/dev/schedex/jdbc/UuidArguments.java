package dev.schedex.jdbc;

import java.sql.Types;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How the store binds ids and lease tokens: as the database's own UUID type where the columns have it
 * (H2 and PostgreSQL, since migration V9: sixteen bytes where the text took thirty-seven, in every row
 * and index entry a run writes), as their text where they are {@code CHAR(36)} (MariaDB, whose UUID
 * type needs 10.7). Registered on the store's own handles only, so that a host's Jdbi keeps its own
 * binding of UUIDs.
 */
final class UuidArguments extends AbstractArgumentFactory<UUID> {

    private final boolean asText;

    /** @param asText whether the columns hold the UUIDs' text */
    UuidArguments(boolean asText) {
        super(asText ? Types.CHAR : Types.OTHER);
        this.asText = asText;
    }

    @Override
    protected Argument build(UUID value, ConfigRegistry config) {
        return asText
                ? (position, statement, context) -> statement.setString(position, value.toString())
                : (position, statement, context) -> statement.setObject(position, value);
    }
}
