package com.cloud.host;

public enum Status {
    Creating, Connecting, Up, Down, Disconnected, Alert, Removed, Error, Rebalancing, Unknown
}
