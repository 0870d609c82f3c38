package org.gridpatrol.data.postgis;

import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcIT {

    private static DatabaseTarget db;
    private static Jdbc jdbc;

    @BeforeAll
    static void createTable() {
        db = TestDatabases.freshEmpty(JdbcIT.class);
        jdbc = new Jdbc(db.dataSource());
        jdbc.update("CREATE TABLE item (id int PRIMARY KEY, name text)", Jdbc.NO_PARAMETERS, "cannot create the table");
    }

    @BeforeEach
    void threeItems() {
        jdbc.update("DELETE FROM item", Jdbc.NO_PARAMETERS, "cannot empty the table");
        jdbc.batch("INSERT INTO item VALUES (?, ?)", List.of(1, 2, 3), (s, i) -> {
            s.setInt(1, i);
            s.setString(2, i == 3 ? null : "item " + i);
        }, "cannot insert");
    }

    @Test
    void queriesOneRowOptionalRowsAndLists() {
        String name = jdbc.queryOne("SELECT name FROM item WHERE id = ?", s -> s.setInt(1, 2), rs -> rs.getString(1), "x");
        assertThat(name).isEqualTo("item 2");
        assertThat(jdbc.queryOptional("SELECT name FROM item WHERE id = ?", s -> s.setInt(1, 1), rs -> rs.getString(1), "x"))
                .contains("item 1");
        assertThat(jdbc.queryOptional("SELECT name FROM item WHERE id = ?", s -> s.setInt(1, 9), rs -> rs.getString(1), "x"))
                .isEmpty();
        assertThat(jdbc.queryOptional("SELECT name FROM item WHERE id = 3", Jdbc.NO_PARAMETERS, rs -> rs.getString(1), "x"))
                .as("a row whose value maps to null").isEqualTo(Optional.empty());
        List<Integer> ids = jdbc.queryList("SELECT id FROM item WHERE id >= ? ORDER BY id DESC", s -> s.setInt(1, 2),
                rs -> rs.getInt(1), "x");
        assertThat(ids).containsExactly(3, 2);
    }

    @Test
    void updatesAndBatchesCountTheRows() {
        assertThat(jdbc.update("UPDATE item SET name = 'same' WHERE id < ?", s -> s.setInt(1, 3), "x")).isEqualTo(2);
        assertThat(jdbc.batch("UPDATE item SET name = ? WHERE id = ?", List.of("a", "b"), (s, name) -> {
            s.setString(1, name);
            s.setInt(2, name.equals("a") ? 1 : 7);
        }, "x")).containsExactly(1, 0);
        assertThat(names()).containsExactly("a", "same", null);
    }

    @Test
    void aQueryWithoutARowOrWithAnSqlErrorFailsWithTheCallersMessage() {
        assertThatThrownBy(() -> jdbc.queryOne("SELECT name FROM item WHERE id = 9", Jdbc.NO_PARAMETERS, rs -> rs.getString(1),
                "cannot read item 9"))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("cannot read item 9")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE no_such_table SET x = 1", Jdbc.NO_PARAMETERS, "cannot update"))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("cannot update")
                .cause().hasMessageContaining("no_such_table");
    }

    @Test
    void aTransactionCommitsWhenTheWorkReturns() {
        int changed = jdbc.<Integer>inTransaction("renaming", c -> Jdbc.update(c, "UPDATE item SET name = 'renamed'", Jdbc.NO_PARAMETERS));
        assertThat(changed).isEqualTo(3);
        assertThat(names()).containsExactly("renamed", "renamed", "renamed");
    }

    @Test
    void aRuntimeExceptionRollsBackAndPassesThroughUnchanged() {
        IllegalArgumentException refusal = new IllegalArgumentException("refused");
        assertThatThrownBy(() -> jdbc.inTransaction("renaming", c -> {
            Jdbc.update(c, "UPDATE item SET name = 'renamed'", Jdbc.NO_PARAMETERS);
            throw refusal;
        })).isSameAs(refusal);
        assertThat(names()).containsExactly("item 1", "item 2", null);
    }

    @Test
    void anSqlExceptionRollsBackAndBecomesAnIllegalStateExceptionNamingTheWork() {
        assertThatThrownBy(() -> jdbc.inTransaction("renaming", c -> {
            Jdbc.update(c, "UPDATE item SET name = 'renamed'", Jdbc.NO_PARAMETERS);
            return Jdbc.update(c, "INSERT INTO item VALUES (1, 'duplicate')", Jdbc.NO_PARAMETERS);
        })).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("renaming failed: ERROR: duplicate key value")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(names()).containsExactly("item 1", "item 2", null);
    }

    @Test
    void aTransactionOnAHeldConnectionRestoresAutoCommit() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Jdbc.transaction(c, t -> Jdbc.update(t, "DELETE FROM item WHERE id = 1", Jdbc.NO_PARAMETERS));
            assertThat(c.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> Jdbc.transaction(c, t -> {
                Jdbc.update(t, "DELETE FROM item", Jdbc.NO_PARAMETERS);
                throw new IllegalStateException("stop");
            })).hasMessage("stop");
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(names()).containsExactly("item 2", null);
    }

    private static List<String> names() {
        try {
            return Sql.strings(db, "SELECT name FROM item ORDER BY id");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
