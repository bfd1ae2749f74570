package com.cloud.exception;

import java.util.ArrayList;

public class CloudException extends Exception {

    public CloudException(String message) {
        super(message);
    }

    public CloudException(String message, Throwable cause) {
        super(message, cause);
    }

    public CloudException() {
        super();
    }

    public void addProxyObject(String uuid) {
    }

    public ArrayList<String> getIdProxyList() {
        return null;
    }

    public void setCSErrorCode(int cserrcode) {
    }

    public int getCSErrorCode() {
        return 0;
    }
}
