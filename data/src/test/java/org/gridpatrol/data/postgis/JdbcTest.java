package org.gridpatrol.data.postgis;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction steps on a held connection, against a connection that records the calls made on it. */
class JdbcTest {

    private final List<String> calls = new ArrayList<>();
    private boolean rollbackFails;

    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String call = method.getName() + (args == null ? "" : "(" + args[0] + ")");
                    calls.add(call);
                    if (call.equals("rollback") && rollbackFails) {
                        throw new SQLException("connection lost");
                    }
                    return method.getName().equals("getAutoCommit") ? Boolean.TRUE : null;
                });
    }

    @Test
    void commitsWhatReturnsAndRestoresAutoCommit() throws SQLException {
        String result = Jdbc.transaction(connection(), c -> "done");
        assertThat(result).isEqualTo("done");
        assertThat(calls).containsExactly("getAutoCommit", "setAutoCommit(false)", "commit", "setAutoCommit(true)");
    }

    @Test
    void rollsBackWhatThrowsAndRethrowsTheSameException() {
        IllegalArgumentException refusal = new IllegalArgumentException("refused");
        assertThatThrownBy(() -> Jdbc.transaction(connection(), c -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(calls).containsExactly("getAutoCommit", "setAutoCommit(false)", "rollback", "setAutoCommit(true)");
    }

    @Test
    void aFailedRollbackIsAddedToTheWorksFailureNotReportedInsteadOfIt() {
        rollbackFails = true;
        SQLException failure = new SQLException("deadlock");
        assertThatThrownBy(() -> Jdbc.transaction(connection(), c -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("connection lost");
        assertThat(calls).doesNotContain("commit");
    }
}
