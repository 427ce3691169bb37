package dev.schedex.destination.drive.internal;

/**
 * The few {@code files.list} queries the destination makes, in Drive's query language. Values are
 * quoted with single quotes, with backslash and single quote escaped, so that no name can change a
 * query's meaning.
 */
public final class DriveQuery {

    /** Drive's media type for a folder. */
    public static final String FOLDER_MIME_TYPE = "application/vnd.google-apps.folder";

    private DriveQuery() {}

    /**
     * @param value any text
     * @return it as a quoted string literal of the query language
     */
    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * @param name     the folder's name
     * @param parentId the folder it is in
     * @return the query for a folder of that name in that folder, not in the bin
     */
    public static String folder(String name, String parentId) {
        return "name = " + quote(name) + " and " + quote(parentId) + " in parents and mimeType = "
                + quote(FOLDER_MIME_TYPE) + " and trashed = false";
    }

    /**
     * @param key   an app property's key
     * @param value its value
     * @return the term for files with that app property
     */
    public static String hasAppProperty(String key, String value) {
        return "appProperties has { key=" + quote(key) + " and value=" + quote(value) + " }";
    }

    /**
     * @param folderId       the folder
     * @param scheduleKey    the app property that names the schedule
     * @param scheduleId     the schedule
     * @param deliveryKey    the app property that names the delivery
     * @param idempotencyKey the delivery's key
     * @param name           the file's name
     * @return the query for the schedule's files in the folder that this delivery replaces: the one an
     *     earlier attempt of the same occurrence wrote, or one of the same name
     */
    public static String replaced(
            String folderId,
            String scheduleKey,
            String scheduleId,
            String deliveryKey,
            String idempotencyKey,
            String name) {
        return quote(folderId) + " in parents and trashed = false and " + hasAppProperty(scheduleKey, scheduleId)
                + " and (" + hasAppProperty(deliveryKey, idempotencyKey) + " or name = " + quote(name) + ")";
    }

    /**
     * @param scheduleKey the app property that names the schedule
     * @param scheduleId  the schedule
     * @return the query for every file the schedule wrote, not in the bin
     */
    public static String scheduleFiles(String scheduleKey, String scheduleId) {
        return hasAppProperty(scheduleKey, scheduleId) + " and trashed = false";
    }
}
