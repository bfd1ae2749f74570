package com.cloud.network;

// Subset of the real class: only the TrafficType enum is declared.
public class Networks {

    public Networks() {
    }

    public enum TrafficType {
        None, Public, Guest, Storage, Management, Control, Vpn
    }
}
