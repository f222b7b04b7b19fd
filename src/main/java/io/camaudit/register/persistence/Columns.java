package io.camaudit.register.persistence;

import io.camaudit.register.Provenance;
import io.camaudit.register.ProvenanceKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Reading and writing the columns every register table shares. */
final class Columns {

    private Columns() {}

    static Provenance provenance(ResultSet rs) throws SQLException {
        return new Provenance(
                ProvenanceKind.valueOf(rs.getString("provenance_kind")),
                rs.getString("provenance_source"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }

    static Timestamp timestamp(Provenance provenance) {
        return Timestamp.from(provenance.recordedAt());
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static @Nullable Date sqlDate(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
