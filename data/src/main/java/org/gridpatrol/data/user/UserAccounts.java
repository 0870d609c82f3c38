package org.gridpatrol.data.user;

import javax.sql.DataSource;
import java.util.Optional;

/** The logins: find one by name, create or replace one, count them. */
public interface UserAccounts {

    /** The {@code app_user} table of this database. */
    static UserAccounts inPostgis(DataSource dataSource) {
        return new UserAccountStore(dataSource);
    }

    Optional<UserAccount> find(String username);

    /** Creates the account or replaces its hash, role and jurisdiction. */
    void upsert(UserAccount account);

    long count();
}
