package org.gridpatrol.data.imports;

/** Where a running import is, for a progress bar; and whether it should stop. */
public interface ImportProgress {

    /** Does nothing and never cancels. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(String stage, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * @param stage {@code reading}, {@code checking}, {@code placing}, {@code writing}
     * @param done  rows done in this stage
     * @param total rows in all, or -1 when not known yet
     */
    void update(String stage, long done, long total);

    /** True when the import should stop; it then rolls back and throws {@link ImportFileException}. */
    boolean cancelled();
}
