service {
    dhcp-server {
        disabled false
        global-parameters "option option-deco code 240 = string;"
        global-parameters "class &quot;decos&quot; { match if substring (option vendor-class-identifier , 0, 5) = &quot;[IAL]&quot;; }"
        global-parameters "deny bootp;"
        global-parameters "include &quot;/config/scripts/ipxe-option-space.conf&quot;;"
        hostfile-update disable
        shared-network-name dhcp1 {
            authoritative enable
            subnet 192.168.1.0/24 {
                default-router 192.168.1.1
                dns-server 192.168.1.1
                lease 86400
                start 192.168.1.100 {
                    stop 192.168.1.199
                }
                static-mapping kube-master {
                    ip-address 192.168.1.201
                    mac-address 00:00:00:00:00:01
                }
                static-mapping kube-worker-1 {
                    ip-address 192.168.1.211
                    mac-address 00:00:00:00:00:11
                }
                static-mapping kube-worker-2 {
                    ip-address 192.168.1.212
                    mac-address 00:00:00:00:00:12
                }
                static-mapping node00 {
                    ip-address 192.168.1.250
                    mac-address 00:00:00:00:00:00
                }
                subnet-parameters "option option-deco &quot;:::::239.0.2.10:22222:v6.0:239.0.2.30:22222&quot;;"
                subnet-parameters "filename &quot;/boot.ipxe&quot;;"
                subnet-parameters "include &quot;/config/scripts/ipxe-green.conf&quot;;"
                tftp-server-name 192.168.1.250
            }
        }
    }
}
